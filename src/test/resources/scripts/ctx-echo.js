// Echoes what a script can read from ctx, as plain values.
var r = ctx.request;
return {
  method: r.method,
  path: r.path,
  header: r.headers['content-type'],
  query: r.query.q,
  queryAll: r.queryAll.q,
  param: r.params.id,
  rest: r.rest,
  bodyN: r.body.n,
  hasEvent: 'event' in ctx,
  hasBodyEncoding: 'bodyEncoding' in r,
  app: ctx.app.id + '/' + ctx.app.slug,
  script: ctx.script.name,
  executionId: ctx.executionId,
  rootExecutionId: ctx.rootExecutionId,
  requestId: ctx.requestId,
  invocation: ctx.invocation,
  attempt: ctx.attempt,
  triggerDepth: ctx.triggerDepth,
  sdkVersion: ctx.sdkVersion,
  ctxPrototype: Object.getPrototypeOf(ctx) === Object.prototype ? 'plain' : 'other'
};
