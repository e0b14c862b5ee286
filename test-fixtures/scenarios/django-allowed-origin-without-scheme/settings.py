# valid-django-allowed-origins: an entry without a scheme matches no page, but matches Origin: null,
# which a sandboxed iframe on any site sends.
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
CORS_ALLOWED_ORIGINS = ["http://localhost:3000", "app.example.test"]
CORS_ALLOW_CREDENTIALS = True
