#!/usr/bin/env python3
"""Server time per chat turn with the offline model (not a test): a new user sends ~50
turns of a realistic mix (add with dates and repeats, follow-ups, completes and renames by
name, lists, searches) and the time of each turn is measured at chat-service's sidecar
(the request chat-service serves: agent, MCP tools, task-service invocations, state
store) and, for comparison, at the public frontend. Prints JSON with p50/p95/max in ms.

    .venv/bin/python scripts/bench_chat.py [--turns 50] [--base http://localhost:3000]"""

import argparse
import asyncio
import json
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHAT_SIDECAR = "http://127.0.0.1:3502/v1.0/invoke/chat-service/method/api/chat"
MIX = [
    "Add call the dentist tomorrow at 3pm",
    "Make it high priority",
    "Add buy batteries #shopping",
    "Gym every Monday and Wednesday at 7am",
    "What's on my list?",
    "Mark the batteries task as done",
    "Add team meeting tomorrow at 10am and remind me 30 minutes before",
    "Move the team meeting to Friday at 5pm",
    "Find anything about the dentist",
    "Rename the gym task to gym session",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(samples: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(samples, 0.50), 1),
        "p95_ms": round(percentile(samples, 0.95), 1),
        "mean_ms": round(statistics.fmean(samples), 1),
        "max_ms": round(max(samples), 1),
    }


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--turns", type=int, default=50)
    parser.add_argument("--base", default="http://localhost:3000")
    args = parser.parse_args()
    secrets = json.loads((ROOT / ".run" / "secrets.json").read_text())

    async def new_user() -> dict[str, str]:
        email = f"bench-{uuid.uuid4().hex[:12]}@example.com"
        async with httpx.AsyncClient(base_url=args.base, timeout=30, headers={"origin": args.base}) as client:
            r = await client.post(
                "/api/auth/sign-up/email", json={"name": "Bench", "email": email, "password": "bench-pass-1"}
            )
            r.raise_for_status()
            token = (await client.get("/api/auth/token")).json()["token"]
        return {"authorization": f"Bearer {token}"}

    auth = await new_user()
    sidecar_ms: list[float] = []
    frontend_ms: list[float] = []
    async with (
        httpx.AsyncClient(
            timeout=60, headers={**auth, "dapr-api-token": secrets["dapr-api-token"]}
        ) as sidecar,
        httpx.AsyncClient(base_url=args.base, timeout=60, headers=auth) as public,
    ):
        conversation: str | None = None
        # Warm-up turn (JWKS fetch, first connections) is not counted.
        await public.post("/api/chat", json={"message": "hi"})
        for n in range(args.turns):
            if n and n % len(MIX) == 0:
                # A new user for each pass over the mix: one user's 50 turns in a few
                # seconds would meet the per-user chat rate limit.
                auth = await new_user()
                sidecar.headers.update(auth)
                public.headers.update(auth)
                conversation = None
            body: dict[str, Any] = {"message": MIX[n % len(MIX)], "timezone": "Europe/Berlin"}
            if conversation:
                body["conversation_id"] = conversation
            via_sidecar = n % 2 == 0
            started = time.perf_counter()
            r = await (
                sidecar.post(CHAT_SIDECAR, json=body) if via_sidecar else public.post("/api/chat", json=body)
            )
            elapsed = (time.perf_counter() - started) * 1000
            if r.status_code != 200:
                print(f"turn {n} failed: {r.status_code} {r.text[:200]}", file=sys.stderr)
                return 1
            conversation = r.json()["conversation_id"]
            (sidecar_ms if via_sidecar else frontend_ms).append(elapsed)
    result = {
        "turns": args.turns,
        "model": "offline",
        "chat_service_via_sidecar": summary(sidecar_ms),
        "public_api_via_frontend": summary(frontend_ms),
        "all_turns": summary(sidecar_ms + frontend_ms),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
