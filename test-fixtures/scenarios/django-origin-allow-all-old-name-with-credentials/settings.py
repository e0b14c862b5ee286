# no-reflected-origin-with-credentials: the old name CORS_ORIGIN_ALLOW_ALL still works in 3.x, and with
# credentials django-cors-headers echoes every Origin with Access-Control-Allow-Credentials: true.
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
CORS_ORIGIN_ALLOW_ALL = True
CORS_ALLOW_CREDENTIALS = True
