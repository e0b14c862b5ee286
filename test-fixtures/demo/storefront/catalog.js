// Product pages: the catalog is public, so it is fetched without cookies.
const CATALOG = 'https://api.example.com/catalog';

export async function loadProduct(id) {
  const response = await fetch(`${CATALOG}/products/${id}`, {
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`catalog answered ${response.status}`);
  return response.json();
}

export async function searchProducts(query) {
  const response = await fetch(`${CATALOG}/search?q=${encodeURIComponent(query)}`);
  return response.json();
}
