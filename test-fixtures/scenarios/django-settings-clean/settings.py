# A django-cors-headers set-up that works: CorsMiddleware first, exact origins, defaults kept.
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
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://[a-z0-9-]+\.example\.test$"]
CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")
CORS_ALLOW_CREDENTIALS = True
CORS_URLS_REGEX = r"^/api/.*$"
