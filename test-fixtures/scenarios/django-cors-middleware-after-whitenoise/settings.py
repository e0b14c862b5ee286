# require-django-cors-middleware: WhiteNoiseMiddleware answers requests for static files itself, so
# when CorsMiddleware comes after it and WhiteNoise's own `*` is off, a static file fetched from
# another origin has no CORS headers.
import os

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]
CORS_ALLOWED_ORIGINS = ["http://app.example.test"]
STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
WHITENOISE_ALLOW_ALL_ORIGINS = False
