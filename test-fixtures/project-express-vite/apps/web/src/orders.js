// The storefront calls the API directly (not through the dev proxy), so every request is cross-origin.
const API = 'http://localhost:3000';

export async function listOrders() {
  const response = await fetch(`${API}/api/orders`, { credentials: 'include' });
  const total = Number(response.headers.get('X-Total-Count'));
  return { total, orders: await response.json() };
}

export function createOrder(order, token) {
  return fetch(`${API}/api/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(order),
  });
}

export function deleteOrder(id) {
  return fetch(`${API}/api/orders/${id}`, { method: 'DELETE' });
}

export function saveProfile(profile) {
  return fetch(`${API}/account/profile`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(profile) });
}

// Through the dev proxy: same-origin, so the server's CORS policy does not apply.
export function health() {
  return fetch('/api/health', { credentials: 'include' });
}
