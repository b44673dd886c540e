// Signs a JWT with the frontend's real signing key (Better Auth's JWKS row, decrypted with
// better-auth-secret), so tests can make validly signed tokens that are expired, for the
// wrong audience, and so on. Run from frontend/ (its node_modules) as
// `node --input-type=module -e "<this file>"`, input JSON in SIGN_JWT_INPUT:
// {secret, kid, privateKey, claims}.
import { symmetricDecrypt } from "better-auth/crypto";
import { SignJWT, importJWK } from "jose";

const input = JSON.parse(process.env.SIGN_JWT_INPUT);
const jwk = await symmetricDecrypt({ key: input.secret, data: JSON.parse(input.privateKey) });
const key = await importJWK(JSON.parse(jwk), "EdDSA");
const token = await new SignJWT(input.claims).setProtectedHeader({ alg: "EdDSA", kid: input.kid }).sign(key);
process.stdout.write(token);
