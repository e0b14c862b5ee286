// The storefront (http://localhost:5173) calls the API through nginx, on another origin.
const API = 'http://localhost:8080';

export function createOrder(order, token) {
  return fetch(`${API}/api/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(order),
  });
}

export async function profile() {
  const response = await fetch(`${API}/account/profile`, { credentials: 'include' });
  return response.json();
}
