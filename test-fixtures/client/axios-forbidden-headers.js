// An API client module: one axios instance for the whole app. Someone added a Cookie default
// "so the session goes along"; browsers refuse to let script set it and drop it silently
// (withCredentials is what sends the session cookie).
import axios from 'axios';

export const api = axios.create({
  baseURL: 'https://api.example.com/v1',
  withCredentials: true,
  headers: { 'X-Client-Version': '2.4.0' },
});

api.defaults.headers.common.Cookie = `session=${readSessionId()}`;

export function listOrders(page) {
  return api.get('/orders', { params: { page } });
}

export function createOrder(order) {
  return api.post('/orders', order, { headers: { Origin: 'https://shop.example.com' } });
}

function readSessionId() {
  return localStorage.getItem('session') ?? '';
}
