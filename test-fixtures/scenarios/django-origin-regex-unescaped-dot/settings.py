# no-unsafe-origin-check: an unescaped dot in CORS_ALLOWED_ORIGIN_REGEXES matches any character, so a
# host such as appxexample.test passes too.
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
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://app.example\.test$"]
