# The clean twin: WhiteNoiseMiddleware before CorsMiddleware answers static files itself, but with
# its default WHITENOISE_ALLOW_ALL_ORIGINS it sends `Access-Control-Allow-Origin: *`, so a GET passes.
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
