export default function request() {
  return fetch('http://api.example.test/articles/7', {
    headers: [
      ['Content-Language', 'en-GB, en-US, en-AU, en-CA, en-NZ, en-IE, en-ZA, en-IN, en-SG, en-HK, en'],
      ['Content-Language', 'de-DE, de-AT, de-CH, de-LU, de-LI, de-BE, de-IT, de-NA, de-DK, de-PL, de'],
    ],
  });
}
