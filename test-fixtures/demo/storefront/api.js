// The storefront's API client (https://shop.example.com → https://api.example.com).
import axios from 'axios';

export const API_ORIGIN = 'https://api.example.com';

export const api = axios.create({
  baseURL: `${API_ORIGIN}/api`,
  withCredentials: true,
});

// Copied from the old same-origin jQuery app, where it marked AJAX calls.
api.defaults.headers.common['X-Requested-With'] = 'XMLHttpRequest';

export function listOrders() {
  return api.get('/orders');
}

export function placeOrder(cart) {
  return api.post('/orders', { items: cart.items, coupon: cart.coupon });
}
