# no-null-origin: 'null' in CORS_ALLOWED_ORIGINS lets any page read through a sandboxed iframe.
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
CORS_ALLOWED_ORIGINS = ["http://app.example.test", "null"]
CORS_ALLOW_CREDENTIALS = True
