"""Settings for vieclam. All environment reads go through vieclam.config.env.

Profiles: VIECLAM_ENV=development (default) or production. Production only flips secure defaults;
every switch is still an environment variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from vieclam.config.env import env_bool, env_int, env_list, env_secret_key, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VIECLAM_VAR_DIR", str(Path.cwd() / "var"))).resolve()

#
# Profile
#
VIECLAM_ENV = env_str("VIECLAM_ENV", "development")
if VIECLAM_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("VIECLAM_ENV must be development or production")
PRODUCTION = VIECLAM_ENV == "production"

SECRET_KEY = env_secret_key(VAR_DIR, required=PRODUCTION)
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

#
# Applications
#
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tables2",
    "axes",
    "django_ratelimit",
    "vieclam.core",
    "vieclam.accounts",
    "vieclam.places",
    "vieclam.codelists",
    "vieclam.poverty",
    "vieclam.people",
    "vieclam.employers",
    "vieclam.vacancies",
    "vieclam.seekers",
    "vieclam.coding",
    "vieclam.applications",
    "vieclam.casework",
    "vieclam.connections",
    "vieclam.training",
    "vieclam.abroad",
    "vieclam.loans",
    "vieclam.fairs",
    "vieclam.indicators",
    "vieclam.targets",
    "vieclam.matching",
    "vieclam.jobboard",
    "vieclam.imports",
    "vieclam.reporting",
    "vieclam.demo",
    "vieclam.portal",
    "huey.contrib.djhuey",
    "vieclam.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vieclam.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "vieclam.core.middleware.ChannelMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "vieclam.config.urls"
WSGI_APPLICATION = "vieclam.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vieclam.portal.menu.menu",
            ],
        },
    },
]

#
# Database and cache
#
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'vieclam.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A busy timeout avoids "database is locked" when the dev server and a command write together.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-ratelimit only lists django-redis as supported; Django's own RedisCache increments with INCR, atomic too.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # The counted figures (indicators.freshness) are kept here too: a dashboard and the catalogue of one area are
    # hundreds of entries, past locmem's default of 300 (it would drop half of them when full).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "OPTIONS": {"MAX_ENTRIES": 50_000}}}  # fmt: skip
    # Each process counts rate limits on its own here: good enough for one development server, which is why
    # production sets REDIS_URL.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

#
# Authentication
#
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"
# Client addresses: how many reverse proxies in front of the application append to X-Forwarded-For (nginx with
# $proxy_add_x_forwarded_for: 1). 0 trusts no header and takes REMOTE_ADDR. See vieclam.core.clientip.
VIECLAM_TRUSTED_PROXIES = env_int("VIECLAM_TRUSTED_PROXIES", 0)
# Login throttling (django-axes): AXES_FAILURE_LIMIT failures within AXES_COOLOFF_MINUTES lock the account (from
# any address) and, separately, the client address (over any accounts), until the failures are that old.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "vieclam.core.clientip.client_ip"
# A successful sign-in would otherwise wipe every failure from that address too, so one's own account could
# be used to keep guessing at others'; failures expire with the cool-off instead.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# Public writes (sign-up, password reset), counted in the cache per client and for the whole site (core.throttle).
VIECLAM_THROTTLE_CLIENT_RATE = env_str("VIECLAM_THROTTLE_CLIENT_RATE", "20/h")
VIECLAM_THROTTLE_GLOBAL_RATE = env_str("VIECLAM_THROTTLE_GLOBAL_RATE", "600/h")
RATELIMIT_VIEW = "vieclam.core.throttle.too_many_requests"

#
# Email (password reset). Without EMAIL_HOST, messages are printed to the console (development) or written
# as files under var/mail (production), so nothing is lost before SMTP is configured.
#
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_FILE_PATH = VAR_DIR / "mail"
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = env_str("EMAIL_BACKEND", EMAIL_BACKEND)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "vieclam <no-reply@localhost>")
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT_HOURS", 24) * 3600

#
# Internationalisation: Vietnamese first, English available
#
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["vieclam.config.formats"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

#
# Static files (vendored Bootstrap and HTMX; offices run offline)
#
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
WHITENOISE_USE_FINDERS = DEBUG  # development serves from the apps; production from collectstatic's STATIC_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

#
# REST API
#
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The usual parsers, less control characters in every string of the body (core.api.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "vieclam.core.api.parsers.CleanJSONParser",
        "vieclam.core.api.parsers.CleanFormParser",
        "vieclam.core.api.parsers.CleanMultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "vieclam.core.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["vieclam.core.filtersets.RegistryFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "vieclam.core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "vieclam.core.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_RATE", "120/minute")},
    # The API's throttles find the client the same way as core.clientip (0: REMOTE_ADDR, never a raw header).
    "NUM_PROXIES": VIECLAM_TRUSTED_PROXIES,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "vieclam API",
    "DESCRIPTION": "Hệ thống thông tin thị trường lao động và sàn giao dịch việc làm cấp tỉnh.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI and Redoc served from our own static files (drf-spectacular-sidecar): the docs work offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},  # no call to validator.swagger.io
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "vieclam.core.api.schema.document_error_responses",
    ],
    # One enum name per shared choice set, so clients get a single AreaClass type.
    "ENUM_NAME_OVERRIDES": {
        "AreaClassEnum": "vieclam.places.choices.AreaClass",
        "PovertyClassEnum": "vieclam.poverty.choices.Classification",
        "SuccessionKindEnum": "vieclam.places.choices.SuccessionKind",
        "ReviewKindEnum": "vieclam.people.choices.ReviewKind",
        "FairKindEnum": "vieclam.fairs.choices.FairKind",
        "FairStatusEnum": "vieclam.fairs.choices.FairStatus",
        "FairRegistrationChannelEnum": "vieclam.fairs.choices.RegistrationChannel",
        "FairInterestKindEnum": "vieclam.fairs.choices.InterestKind",
        "TargetKindEnum": "vieclam.targets.choices.TargetKind",
        "EditionEnum": "vieclam.places.models.Edition",
        "ReportStatusEnum": "vieclam.reporting.choices.ReportStatus",
        "LoanStatusEnum": "vieclam.loans.choices.LoanStatus",
    },
}

#
# Security (production defaults; each can be overridden by its variable)
#
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"

#
# Domain settings (thresholds that change with the law live in reference data, not here)
#
VIECLAM_DEMO_PROVINCE = env_str("VIECLAM_DEMO_PROVINCE", "80")  # Tây Ninh, which absorbed Long An
# The province this installation serves: its communes are the ones offered on sign-up and profile forms.
VIECLAM_PROVINCE = env_str("VIECLAM_PROVINCE", VIECLAM_DEMO_PROVINCE)
# "Hộ mới thoát nghèo": how long after leaving the poor/near-poor lists a household still counts (no legal
# definition found; 36 months is the programme's usage, see docs).
VIECLAM_POVERTY_EXIT_MONTHS = env_int("VIECLAM_POVERTY_EXIT_MONTHS", 36)
# Matching: points added for a job seeker in a priority group (poor, near-poor, recently out of poverty, ethnic
# minority, disability), on a score out of 100.
VIECLAM_MATCHING_PRIORITY_BOOST = env_int("VIECLAM_MATCHING_PRIORITY_BOOST", 10)
# Indicators in public figures: a disaggregated cell counting 1 to VIECLAM_SMALL_CELL - 1 shows as "<5", its numbers
# withheld, so nobody can be recognised in a small group (indicators.selectors).
VIECLAM_SMALL_CELL = env_int("VIECLAM_SMALL_CELL", 5)
# Retention of import files (personal data: names, phones, tax codes that may be a person's CCCD), enforced by
# `vieclam purge_import_previews` run daily: a preview never confirmed is deleted after IMPORT_PREVIEW_DAYS; a
# committed batch keeps its counts, but its row-by-row report (the rows as read and their errors) is emptied after
# IMPORT_REPORT_DAYS. The uploaded file itself is dropped as soon as a batch is committed.
VIECLAM_IMPORT_PREVIEW_DAYS = env_int("VIECLAM_IMPORT_PREVIEW_DAYS", 7)
VIECLAM_IMPORT_REPORT_DAYS = env_int("VIECLAM_IMPORT_REPORT_DAYS", 90)
# Demos and browser tests only: today's date is moved this many days forward (core.dates.today), so follow-ups
# fall due without waiting months. Refused in production.
VIECLAM_CLOCK_SHIFT_DAYS = env_int("VIECLAM_CLOCK_SHIFT_DAYS", 0)
if PRODUCTION and VIECLAM_CLOCK_SHIFT_DAYS:
    raise ImproperlyConfigured("VIECLAM_CLOCK_SHIFT_DAYS is for demos and tests; it cannot be set in production.")
# Follow-up of a successful job connection: checks this many months after the start (the sustained-employment rule
# reads one of them), and a check not recorded this many days after it fell due is marked missed (daily command
# `vieclam mark_missed_followups`).
VIECLAM_FOLLOWUP_MONTHS = [int(m) for m in env_list("VIECLAM_FOLLOWUP_MONTHS", ["1", "3", "6", "12"])]
VIECLAM_FOLLOWUP_MISSED_DAYS = env_int("VIECLAM_FOLLOWUP_MISSED_DAYS", 30)
# Who pays a connection made by a hire on the board until staff change it (mtqg, local_budget, ui_fund, none).
VIECLAM_CONNECTION_HIRE_FUNDING = env_str("VIECLAM_CONNECTION_HIRE_FUNDING", "mtqg")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

#
# Background jobs (vieclam.jobs): a huey queue and `vieclam run_huey` as the worker. Redis when REDIS_URL is set;
# otherwise a SQLite file under var/ (no extra service). Never immediate: a job runs in the worker, not the request.
#
VIECLAM_HUEY_FILE = env_str("VIECLAM_HUEY_FILE", str(VAR_DIR / "huey.sqlite3"))
if REDIS_URL:
    HUEY = {"huey_class": "huey.RedisHuey", "name": "vieclam", "immediate": False, "connection": {"url": REDIS_URL}}
else:
    HUEY = {"huey_class": "huey.SqliteHuey", "name": "vieclam", "immediate": False, "filename": VIECLAM_HUEY_FILE}
    Path(VIECLAM_HUEY_FILE).parent.mkdir(parents=True, exist_ok=True)
HUEY["consumer"] = {"workers": env_int("VIECLAM_JOB_WORKERS", 1), "worker_type": "thread", "max_delay": 2.0}
# A running job whose worker has not reported for this many seconds is shown as interrupted (the worker died).
VIECLAM_JOB_STALE_SECONDS = env_int("VIECLAM_JOB_STALE_SECONDS", 120)
