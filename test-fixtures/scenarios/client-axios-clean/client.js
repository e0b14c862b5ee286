import axios from 'axios';

export default function request() {
  return axios.get('http://api.example.test/items');
}
