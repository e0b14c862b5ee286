/**
 * Shared hosting domains: domains under which anyone can sign up and get a name of their own
 * (`<name>.onrender.com`, `<name>.netlify.app`). Each is in the private section of the Public Suffix
 * List (publicsuffix/list, public_suffix_list.dat at commit e8c9a2b2, 2026-08-19), which is how the
 * providers declare that the names under them belong to unrelated customers: browsers treat
 * `app.onrender.com` and `attacker.onrender.com` as different sites. An origin check that trusts
 * more than one fixed name directly under such a domain trusts names an attacker can register.
 *
 * A curated selection of widely used hosts where a customer chooses (or is given) a name directly
 * under the listed domain, not the whole list: entries with wildcards (`*.run.app`) and providers
 * whose names sit deeper (per-region domains) are left out. A name under a customer's own name
 * (`preview.myapp.onrender.com`) is that customer's and is not affected.
 */
export const SHARED_HOSTING_DOMAINS: readonly string[] = [
  // Render, Netlify, Vercel, Heroku
  'onrender.com',
  'netlify.app',
  'vercel.app',
  'now.sh',
  'herokuapp.com',
  // GitHub and GitLab Pages, Bitbucket Cloud
  'github.io',
  'gitlab.io',
  'bitbucket.io',
  // Cloudflare Pages, Workers and quick tunnels
  'pages.dev',
  'workers.dev',
  'trycloudflare.com',
  // Google: Firebase Hosting, App Engine, Blogger
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'blogspot.com',
  // Microsoft Azure: App Service, Static Web Apps, Cloud Services
  'azurewebsites.net',
  'azurestaticapps.net',
  'cloudapp.net',
  // Amazon: CloudFront, Amplify
  'cloudfront.net',
  'amplifyapp.com',
  // Fly.io, Railway, DigitalOcean App Platform, Deno Deploy, Supabase
  'fly.dev',
  'up.railway.app',
  'ondigitalocean.app',
  'deno.dev',
  'supabase.co',
  // ngrok tunnels
  'ngrok-free.app',
  'ngrok-free.dev',
  'ngrok.app',
  'ngrok.dev',
  'ngrok.io',
  // Replit, CodeSandbox, Hugging Face Spaces, Streamlit, Lovable, PythonAnywhere
  'replit.app',
  'repl.co',
  'csb.app',
  'hf.space',
  'streamlit.app',
  'lovable.app',
  'pythonanywhere.com',
  // Site builders: Webflow, Framer
  'webflow.io',
  'framer.app',
  'framer.website',
];

const DOMAINS = new Set(SHARED_HOSTING_DOMAINS);

/** Whether `domain` (lowercase, no leading dot) is one of the shared hosting domains itself. */
export function isSharedHostingDomain(domain: string): boolean {
  return DOMAINS.has(domain.toLowerCase());
}

/**
 * The shared hosting domain a host name lies under (`attacker.onrender.com` → `onrender.com`), the
 * longest when several match; undefined for the domain itself and for every other host.
 */
export function sharedHostingDomainOf(host: string): string | undefined {
  const lower = host.toLowerCase();
  let found: string | undefined;
  for (const domain of SHARED_HOSTING_DOMAINS) {
    if (
      lower.length > domain.length + 1 &&
      lower.endsWith(`.${domain}`) &&
      (!found || domain.length > found.length)
    )
      found = domain;
  }
  return found;
}
