// The storefront (http://localhost:5173) reads the counts through nginx, on another origin.
const API = 'http://localhost:8080';

export async function productCount() {
  const response = await fetch(`${API}/products`);
  return Number(response.headers.get('X-Total-Count'));
}

export async function reviewCount() {
  const response = await fetch(`${API}/reviews`);
  return Number(response.headers.get('X-Total-Count'));
}

export function saveDraft(id, draft) {
  return fetch(`${API}/drafts/${id}`, { method: 'PUT', body: JSON.stringify(draft) });
}
