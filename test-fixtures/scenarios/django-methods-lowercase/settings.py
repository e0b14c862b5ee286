# valid-header-values: django-cors-headers sends CORS_ALLOW_METHODS as written; browsers compare
# methods case-sensitively, so 'put' never allows PUT.
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
CORS_ALLOW_METHODS = ["get", "post", "put"]
