// A Node service that calls other APIs on the user's behalf. No browser sends these requests, so
// there is no CORS: custom headers, Authorization and a JSON body cost no preflight here.
import { createServer } from 'node:http';

const BILLING_API = 'https://billing.example.net/v2';

async function chargeCustomer(customerId, cents) {
  const response = await fetch(`${BILLING_API}/charges`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.BILLING_TOKEN}`,
      'Content-Type': 'application/json',
      'X-Idempotency-Key': `${customerId}-${Date.now()}`,
    },
    body: JSON.stringify({ customerId, cents }),
  });
  if (!response.ok) throw new Error(`billing answered ${response.status}`);
  return response.json();
}

createServer(async (req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  const receipt = await chargeCustomer('c_42', 1999);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(receipt));
}).listen(8080);
