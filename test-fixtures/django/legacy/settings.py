# An older project: old setting names, CorsMiddleware forgotten, a tuple without its comma.
INSTALLED_APPS = (
    "django.contrib.auth",
    "corsheaders",
)
MIDDLEWARE_CLASSES = (
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
)
CORS_ORIGIN_WHITELIST = ("https://app.example.com")
CORS_ORIGIN_REGEX_WHITELIST = (r"^https://app.example.com$",)
CORS_ALLOW_METHODS = ("get", "post", "options")
