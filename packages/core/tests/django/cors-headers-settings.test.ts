import { describe, expect, it } from 'vitest';
import {
  checkDjangoAllowHeaders,
  checkDjangoCorsMiddleware,
  DJANGO_CORS_DEFAULT_HEADERS_3,
  DJANGO_CORS_DEFAULT_HEADERS_4,
  djangoCorsFacts,
} from '../../src/index.js';

describe('djangoCorsFacts: django-cors-headers per version', () => {
  it('reads the new names from 3.5.0; Debian’s 3.14 behaves as 3.5', () => {
    expect(djangoCorsFacts('3.4.0').readsNewNames).toBe(false);
    expect(djangoCorsFacts('3.14.0')).toMatchObject({
      version: '3.5.0',
      readsNewNames: true,
      defaultHeaders: DJANGO_CORS_DEFAULT_HEADERS_3,
      vary: 'Origin',
    });
  });

  it('drops forbidden names from the default headers in 4.0.0, and ACAC for refused origins in 4.3.0', () => {
    expect(djangoCorsFacts('4.0.0')).toMatchObject({
      defaultHeaders: DJANGO_CORS_DEFAULT_HEADERS_4,
      credentialsOnDisallowedOrigins: true,
      vary: 'origin',
      readsPrivateNetwork: true,
    });
    expect(djangoCorsFacts('4.9.0').credentialsOnDisallowedOrigins).toBe(false);
    expect(djangoCorsFacts().version).toBe('4.3.0');
    expect(
      DJANGO_CORS_DEFAULT_HEADERS_3.filter(
        (name) => !(DJANGO_CORS_DEFAULT_HEADERS_4 as readonly string[]).includes(name),
      ),
    ).toEqual(['accept-encoding', 'dnt', 'origin']);
  });
});

const item = (text: string, at: string) => ({ text, at });

describe('checkDjangoCorsMiddleware', () => {
  const list = (texts: string[], complete = true, orderKnown = true) => ({
    items: texts.map((text, index) => item(text, `#${index}`)),
    complete,
    orderKnown,
    at: 'list',
  });

  it('finds it missing only in a list it reads completely', () => {
    expect(
      checkDjangoCorsMiddleware(list(['django.middleware.common.CommonMiddleware']), 'x'),
    ).toMatchObject([{ messageId: 'missingMiddleware', at: 'list' }]);
    expect(
      checkDjangoCorsMiddleware(list(['django.middleware.common.CommonMiddleware'], false), 'x'),
    ).toEqual([]);
  });

  it('finds it after the first middleware that answers, unless the order is unknown', () => {
    const after = list([
      'django.contrib.sessions.middleware.SessionMiddleware',
      'django.middleware.common.CommonMiddleware',
      'corsheaders.middleware.CorsMiddleware',
    ]);
    expect(checkDjangoCorsMiddleware(after, 'x')).toMatchObject([
      {
        messageId: 'afterCommonMiddleware',
        at: '#2',
        suggestions: [{ fix: { kind: 'move-list-item', at: '#2', before: '#1' } }],
      },
    ]);
    expect(checkDjangoCorsMiddleware({ ...after, orderKnown: false }, 'x')).toEqual([]);
    // WhiteNoise answers with its own `*` unless WHITENOISE_ALLOW_ALL_ORIGINS is known to be False.
    const afterWhiteNoise = list([
      'whitenoise.middleware.WhiteNoiseMiddleware',
      'corsheaders.middleware.CorsMiddleware',
    ]);
    expect(checkDjangoCorsMiddleware(afterWhiteNoise, 'x')).toEqual([]);
    expect(checkDjangoCorsMiddleware(afterWhiteNoise, 'x', undefined)).toEqual([]);
    expect(checkDjangoCorsMiddleware(afterWhiteNoise, 'x', false)).toMatchObject([
      {
        messageId: 'afterWhiteNoiseMiddleware',
        at: '#1',
        data: { middleware: 'WhiteNoiseMiddleware' },
      },
    ]);
    expect(
      checkDjangoCorsMiddleware(
        list([
          'django.contrib.sessions.middleware.SessionMiddleware',
          'corsheaders.middleware.CorsMiddleware',
        ]),
        'x',
      ),
    ).toEqual([]);
  });
});

describe('checkDjangoAllowHeaders', () => {
  it('names the defaults clients send that a full list drops; a wildcard or an unknown part is not judged', () => {
    const headers = (texts: string[], complete = true) => ({
      items: texts.map((text) => item(text, text)),
      complete,
      orderKnown: true,
      at: 'list',
    });
    expect(checkDjangoAllowHeaders(headers(['Content-Type', 'x-api-key']))).toMatchObject([
      { data: { missing: 'authorization, x-csrftoken' } },
    ]);
    expect(checkDjangoAllowHeaders(headers(['x-api-key'], false))).toEqual([]);
    expect(checkDjangoAllowHeaders(headers(['*']))).toEqual([]);
  });
});
