// Verifies ISO 18013-5 DeviceResponses with @auth0/mdl, a verifier this project did not write.
// Usage: node mdl-verify.mjs cases.json  ->  prints {"<case>": {"failed": [check ids], "error": msg?}} as JSON.
// cases.json: {"trustedIacaPem": [pem, ...], "cases": [{"name", "deviceResponse" (base64),
//   "sessionTranscript" (base64 SessionTranscriptBytes, #6.24(bstr .cbor SessionTranscript), as the library expects)}]}
import { readFileSync } from 'node:fs';
import { Verifier } from '@auth0/mdl';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = {};
for (const c of input.cases) {
  const failed = [];
  const result = { failed };
  try {
    const verifier = new Verifier(c.trustedIacaPem ?? input.trustedIacaPem);
    const response = await verifier.verify(Buffer.from(c.deviceResponse, 'base64'), {
      encodedSessionTranscript: c.sessionTranscript ? Buffer.from(c.sessionTranscript, 'base64') : undefined,
      onCheck: (check) => { if (check.status === 'FAILED') failed.push(check.id); },
    });
    const document = response.documents[0];
    result.docType = document.docType;
    result.familyName = document.getIssuerNameSpace('org.iso.18013.5.1')?.family_name;
  } catch (e) {
    result.error = String(e?.message ?? e);
  }
  results[c.name] = result;
}
process.stdout.write(JSON.stringify(results));
