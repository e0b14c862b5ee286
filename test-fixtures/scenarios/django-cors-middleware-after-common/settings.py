# require-django-cors-middleware: CommonMiddleware answers the preflight of /api/items (no slash) with
# an APPEND_SLASH redirect before CorsMiddleware runs, so the 301 has no CORS headers.
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "corsheaders",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "corsheaders.middleware.CorsMiddleware",
]
CORS_ALLOWED_ORIGINS = ["http://app.example.test"]
