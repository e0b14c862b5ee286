# The Django API allows the app's origin but not credentials (CORS_ALLOW_CREDENTIALS is False by
# default). Alone this file is fine; the client (another file of the project) sends cookies, so its
# requests fail.
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
