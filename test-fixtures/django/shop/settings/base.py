"""Base settings of a shop backend: the django-cors-headers mistakes users make most."""
import os

import environ

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "corsheaders",
    "shop",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
MIDDLEWARE.append("corsheaders.middleware.CorsMiddleware")

CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS",
    default=[
        "https://shop.example.com/",
        "https://*.shop.example.com",
        "admin.shop.example.com",
    ],
)
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\w+\.shop\.example\.com"]
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = ["x-api-key", "x-request-id"]
CORS_URLS_REGEX = r"^api/.*$"

if DEBUG:
    CORS_ALLOW_ALL_ORIGINS = True
    CORS_ORIGIN_ALLOW_ALL = True
