import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A fresh module per test: the session state is the page's, module-wide.
async function load() {
  vi.resetModules();
  return import("./api");
}

const answer = (status: number, body: unknown = null) => () =>
  Promise.resolve(body === null ? new Response(null, { status }) : Response.json(body, { status }));

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("api and the session ending", () => {
  it("tells the page once when calls answer 401, and says so instead of the server's words", async () => {
    const { api, onSessionEnd, SESSION_ENDED_MESSAGE } = await load();
    const ended = vi.fn();
    onSessionEnd(ended);
    fetchMock.mockImplementation(answer(401, { error: { code: "unauthorized", message: "Sign in first." } }));

    await expect(api("tasks")).rejects.toMatchObject({ status: 401, code: "unauthorized", message: SESSION_ENDED_MESSAGE });
    await expect(api("notifications?unread=true")).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it("does not end the session when a call fails for another reason", async () => {
    const { api, ApiError, onSessionEnd } = await load();
    const ended = vi.fn();
    onSessionEnd(ended);
    fetchMock.mockImplementationOnce(
      answer(422, { error: { code: "validation_error", message: "The request is not valid.", fields: { title: "too long" } } }),
    );
    fetchMock.mockImplementationOnce(answer(503, { error: { code: "unavailable", message: "Try later." } }));
    fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError("offline")));

    const refused = await api("tasks", { method: "POST", body: {} }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 422, message: "The request is not valid.", fields: { title: "too long" } });
    await expect(api("tasks")).rejects.toMatchObject({ status: 503, message: "Try later." });
    await expect(api("tasks")).rejects.toMatchObject({ status: 0, code: "network_error" });
    expect(ended).not.toHaveBeenCalled();
  });

  it("hears a new 401 after a call succeeded again (signed back in without a page load)", async () => {
    const { api, onSessionEnd } = await load();
    const ended = vi.fn();
    const unsubscribe = onSessionEnd(ended);
    fetchMock.mockImplementationOnce(answer(401));
    fetchMock.mockImplementationOnce(answer(204));
    fetchMock.mockImplementationOnce(answer(401));
    await api("tasks").catch(() => undefined);
    await api("tasks/t1", { method: "DELETE" });
    await api("tasks").catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(2);

    unsubscribe();
    fetchMock.mockImplementationOnce(answer(200, {}));
    fetchMock.mockImplementationOnce(answer(401));
    await api("tasks");
    await api("tasks").catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(2);
  });
});
