# no-unsafe-origin-check: re.match anchors the start only; without `$` an attacker's host that starts
# with the app's origin passes.
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
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://app\.example\.test"]
