# no-dead-django-cors-setting: CORS_ALLOW_HEADERS replaces the defaults, so a JSON request's
# preflight (Content-Type) is refused.
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
CORS_ALLOW_HEADERS = ["x-api-key"]
