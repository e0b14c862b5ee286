"""Production settings that django-cors-headers serves as meant."""
from corsheaders.defaults import default_headers

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "corsheaders",
    "shop",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = [
    "https://shop.example.com",
    "http://localhost:3000",
]
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://[a-z0-9-]+\.shop\.example\.com$"]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")
CORS_URLS_REGEX = r"^/api/.*$"
