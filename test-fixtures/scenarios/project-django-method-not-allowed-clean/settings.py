# The clean twin: the Django API allows the DELETE the client sends.
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
CORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS"]
