import axios from 'axios';

export default function request() {
  const api = axios.create({ baseURL: 'http://api.example.test' });
  api.defaults.headers.common['X-Requested-With'] = 'XMLHttpRequest';
  return api.get('/items');
}
