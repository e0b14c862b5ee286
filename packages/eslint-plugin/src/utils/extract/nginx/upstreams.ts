/**
 * Where nginx passes a request: the app behind `proxy_pass`, as core's `Upstream` (the origins it is
 * reached at, the path rewrite on the way), for the project index and the rules that ask what that
 * app answers.
 *
 * - `proxy_pass http://127.0.0.1:3000` names one origin.
 * - `proxy_pass http://backend` with an `upstream backend { server …; }` block in the same file names
 *   each of its servers (not those marked `down`; a `unix:` socket has no origin), as nginx balances
 *   between them.
 * - A host that is one word (`http://api:3000`, `server web:8000;`) is a compose service or a
 *   container link: the app behind it listens on that port in its own container, where the project
 *   index knows it by its loopback origin (`listen(3000)`, `manage.py runserver`'s 8000). Its
 *   loopback origins on that port stand for it.
 */
import type { Upstream } from 'cors-lint-core';
import type { Config, Directive, NginxNode } from '../../../languages/nginx/ast.js';
import type { LocationMatch } from './levels.js';

/** The `upstream` blocks of a file (at its top level or in `http`), by name: each server's `host[:port]`. */
export type UpstreamBlocks = ReadonlyMap<string, readonly string[]>;

const blocksOf = new WeakMap<Config, UpstreamBlocks>();

export function upstreamBlocks(ast: Config): UpstreamBlocks {
  let blocks = blocksOf.get(ast);
  if (!blocks) {
    const found = new Map<string, string[]>();
    const visit = (directives: readonly Directive[]) => {
      for (const directive of directives) {
        const name = directive.name.value;
        if (name === 'http' && directive.block) visit(directive.block.body);
        if (name !== 'upstream' || !directive.block) continue;
        const group = directive.args[0]?.value;
        if (group === undefined) continue;
        found.set(
          group,
          directive.block.body.flatMap((member) => {
            const [address, ...flags] = member.args.map((arg) => arg.value);
            return member.name.value === 'server' &&
              address !== undefined &&
              !address.startsWith('unix:') &&
              !flags.includes('down')
              ? [address]
              : [];
          }),
        );
      }
    };
    visit(ast.body);
    blocks = found;
    blocksOf.set(ast, blocks);
  }
  return blocks;
}

/**
 * The upstream of `proxy_pass <url>` at `at`, in a location written `location`: its origins, and
 * with a URI part (`http://app:3000/v1/`) in a prefix or exact location, the prefix it replaces.
 * Undefined when the address holds variables or sits in an included file (the handle is then the
 * `include`), or nginx would refuse it.
 */
export function upstreamOf(
  at: NginxNode,
  location: LocationMatch | undefined,
  blocks: UpstreamBlocks,
): Upstream | undefined {
  if (at.type !== 'Directive' || at.name.value !== 'proxy_pass') return undefined;
  const address = at.args[0]?.value;
  if (address === undefined || address.includes('$')) return undefined;
  const parsed = /^(https?):\/\/([^/]+)(\/.*)?$/i.exec(address);
  if (!parsed) return undefined;
  const scheme = parsed[1]!.toLowerCase();
  const host = parsed[2]!;
  const members = blocks.get(host);
  const origins = (members ?? [host]).flatMap((member) => originsOf(scheme, member));
  const uri = parsed[3];
  if (uri === undefined) return { origins };
  // nginx refuses a URI in a regex location's proxy_pass; a named location has no path.
  if (
    !location ||
    (location.modifier !== '' && location.modifier !== '^~' && location.modifier !== '=')
  )
    return undefined;
  return { origins, replacePrefix: { from: location.path, to: uri } };
}

/** The origins `host[:port]` is reached at over `scheme`: itself, and for a one-word host, loopback on its port. */
function originsOf(scheme: string, member: string): string[] {
  let url: URL;
  try {
    url = new URL(`${scheme}://${member}`);
  } catch {
    return [];
  }
  const origins = [url.origin];
  const host = url.hostname;
  if (/^[a-z0-9_-]+$/i.test(host) && host !== 'localhost') {
    const port = url.port === '' ? '' : `:${url.port}`;
    origins.push(`${scheme}://localhost${port}`, `${scheme}://127.0.0.1${port}`);
  }
  return origins;
}
