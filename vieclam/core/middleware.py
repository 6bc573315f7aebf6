from vieclam.core.choices import Channel
from vieclam.core.context import channel


class ChannelMiddleware:
    """Marks every request as coming from the API or the web UI, for the audit trail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with channel(Channel.API if request.path.startswith("/api/") else Channel.UI):
            return self.get_response(request)


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the user picked English (language cookie); a browser's Accept-Language is ignored,
    because officers' machines often run English browsers and the service speaks Vietnamese."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
