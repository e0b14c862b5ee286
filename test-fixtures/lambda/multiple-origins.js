// AWS Lambda proxy integration (this file starts with a UTF-8 byte order mark).
// Two front-ends share the function, so both origins were put in the header.
exports.handler = async (event) => {
  const body = JSON.stringify({ orders: [], requestId: event.requestContext?.requestId });
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': 'https://shop.example.com,https://admin.example.com',
      'Access-Control-Allow-Methods': 'GET OPTIONS',
    },
    body,
  };
};
