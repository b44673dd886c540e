import { describe, expect, it } from "vitest";
import { parseServerOptions } from "./server-options";

describe("parseServerOptions", () => {
  it("takes next start's flags", () => {
    expect(parseServerOptions(["-H", "127.0.0.1", "-p", "3000"], {})).toEqual({ hostname: "127.0.0.1", port: 3000 });
    expect(parseServerOptions(["--hostname", "0.0.0.0", "--port=3100"], {})).toEqual({ hostname: "0.0.0.0", port: 3100 });
    expect(parseServerOptions(["--hostname=::"], { PORT: "3200" })).toEqual({ hostname: "::", port: 3200 });
  });

  it("listens on every interface, on $PORT or 3000, by default", () => {
    expect(parseServerOptions([], { PORT: "8080" })).toEqual({ hostname: undefined, port: 8080 });
    expect(parseServerOptions([], {})).toEqual({ hostname: undefined, port: 3000 });
  });

  it("refuses what it does not know", () => {
    expect(() => parseServerOptions(["--turbo"], {})).toThrow(/unknown option/);
    expect(() => parseServerOptions(["-p"], {})).toThrow(/needs a value/);
    expect(() => parseServerOptions(["-p", "http"], {})).toThrow(/bad port/);
    expect(() => parseServerOptions([], { PORT: "70000" })).toThrow(/bad port/);
  });
});
