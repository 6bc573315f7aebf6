import os

from django.core.wsgi import get_wsgi_application

from vieclam.config.gc import gc_tune

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
application = get_wsgi_application()
gc_tune()
