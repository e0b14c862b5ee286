"""Serve a scenario's settings.py with real Django + django-cors-headers under wsgiref, on loopback.

usage: python3 serve_settings.py <scenario-dir> <address>

The settings module is the scenario's own (the file the linter read); only what a scenario does not
decide is filled in: SECRET_KEY, ALLOWED_HOSTS, DEBUG off, and a URLconf with one view at /api/items/.
Prints "ready <port>" once the port (chosen by the system) accepts connections. No system checks run,
as under any WSGI server (runserver would refuse settings that fail corsheaders' checks).
"""
import importlib.util
import os
import sys

scenario_dir, address = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("scenario_settings", os.path.join(scenario_dir, "settings.py"))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
conf = {name: getattr(module, name) for name in dir(module) if name.isupper()}
conf.setdefault("SECRET_KEY", "oracle")
conf.update(ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, DEBUG=False)

import django
from django.conf import settings

settings.configure(**conf)
django.setup()

from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def items(request):
    response = JsonResponse({"items": [], "method": request.method})
    response["X-Total-Count"] = "0"
    return response


urlpatterns = [path("api/items/", items)]

from wsgiref.simple_server import WSGIRequestHandler, make_server


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = make_server(address, 0, get_wsgi_application(), handler_class=Quiet)
print(f"ready {server.server_port}", flush=True)
server.serve_forever()
