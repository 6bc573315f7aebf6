from vieclam.core.choices import Channel
from vieclam.core.context import channel


class ChannelMiddleware:
    """Marks every request as coming from the API or the web UI, for the audit trail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with channel(Channel.API if request.path.startswith("/api/") else Channel.UI):
            return self.get_response(request)
