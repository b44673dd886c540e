/** The command line of server.ts (`npm start`), parsed; pure. */

export interface ServerOptions {
  /** Undefined: every interface. */
  hostname: string | undefined;
  port: number;
}

/** `--hostname`/`-H` and `--port`/`-p` (also as `--port=3000`), as `next start` takes them. */
export function parseServerOptions(argv: string[], env: Record<string, string | undefined>): ServerOptions {
  let hostname: string | undefined;
  let port: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[i + 1];
    if (flag !== "--hostname" && flag !== "-H" && flag !== "--port" && flag !== "-p") {
      throw new Error(`unknown option ${argv[i]}`);
    }
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--hostname" || flag === "-H") hostname = value;
    else port = value;
    if (inline === undefined) i++;
  }
  const portNumber = Number(port ?? env.PORT ?? 3000);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) throw new Error(`bad port ${port ?? env.PORT}`);
  return { hostname, port: portNumber };
}

