# The Django API accepts django-cors-headers' default request headers and X-Api-Key, written as its
# docs advise: `(*default_headers, "x-api-key")`. Alone this file is fine; the client (another file
# of the project) sends X-Request-Id, which is not in the list, and its preflight is refused.
from corsheaders.defaults import default_headers

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ["http://app.example.test"]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")
