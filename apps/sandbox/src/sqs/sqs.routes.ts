import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SqsError, type SqsService, invalidParameter } from './queues';

type Input = Record<string, unknown>;
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const MAX_BATCH = 10;

function sendError(reply: FastifyReply, error: SqsError): FastifyReply {
  return reply
    .code(error.status)
    .header('content-type', CONTENT_TYPE)
    .header('x-amzn-query-error', `${error.queryCode};Sender`)
    .send(JSON.stringify({ __type: `com.amazonaws.sqs#${error.type}`, message: error.message }));
}

function names(input: Input): string[] {
  const out: string[] = [];
  for (const key of ['AttributeNames', 'MessageSystemAttributeNames'])
    if (Array.isArray(input[key])) for (const n of input[key] as unknown[]) if (typeof n === 'string') out.push(n);
  return out;
}

function optionalInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidParameter(`${name} must be an integer`);
  return value;
}

function entries(input: Input): Input[] {
  const list = input.Entries;
  if (!Array.isArray(list) || list.length === 0)
    throw new SqsError(
      400,
      'EmptyBatchRequest',
      'AWS.SimpleQueueService.EmptyBatchRequest',
      'There should be at least one entry in the request.',
    );
  if (list.length > MAX_BATCH)
    throw new SqsError(
      400,
      'TooManyEntriesInBatchRequest',
      'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are ${MAX_BATCH}.`,
    );
  return list as Input[];
}

/**
 * SQS over the AWS JSON 1.0 protocol that @aws-sdk/client-sqs v3 speaks: `POST /` with `X-Amz-Target:
 * AmazonSQS.<Action>` and a JSON body. SigV4 is not verified (any signature is accepted, the sandbox holds no AWS
 * secrets) but an `Authorization` header must be present, as an unsigned request is refused by AWS.
 */
export function sqsPlugin(app: FastifyInstance, sqs: SqsService): void {
  app.addContentTypeParser(CONTENT_TYPE, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('x-amzn-RequestId', randomUUID());
    done();
  });

  const actions: Record<string, (input: Input, request: FastifyRequest) => unknown> = {
    CreateQueue: (input) => {
      if (typeof input.QueueName !== 'string')
        throw invalidParameter('The request must contain the parameter QueueName.');
      const attributes = (input.Attributes ?? {}) as Record<string, string>;
      return { QueueUrl: sqs.createQueue(input.QueueName, attributes).url };
    },
    GetQueueUrl: (input) => {
      if (typeof input.QueueName !== 'string')
        throw invalidParameter('The request must contain the parameter QueueName.');
      return { QueueUrl: sqs.byName(input.QueueName).url };
    },
    GetQueueAttributes: (input) => {
      const queue = sqs.byUrl(input.QueueUrl);
      const counts = queue.counts(sqs.clockNow());
      const all: Record<string, string> = {
        ApproximateNumberOfMessages: String(counts.visible),
        ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
        ApproximateNumberOfMessagesDelayed: String(counts.delayed),
        VisibilityTimeout: String(queue.visibilitySeconds),
        QueueArn: queue.arn,
        CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
      };
      const wanted = names(input);
      const pick = wanted.includes('All') ? Object.keys(all) : wanted.filter((n) => n in all);
      return { Attributes: Object.fromEntries(pick.map((n) => [n, all[n]])) };
    },
    SendMessage: (input) => {
      const queue = sqs.byUrl(input.QueueUrl);
      const delay = optionalInt(input.DelaySeconds, 'DelaySeconds') ?? 0;
      return sqs.send(queue, input.MessageBody, delay * 1000);
    },
    ReceiveMessage: async (input, request) => {
      const queue = sqs.byUrl(input.QueueUrl);
      const gone = new AbortController();
      request.raw.on('close', () => gone.abort());
      const Messages = await sqs.receive(queue, {
        max: optionalInt(input.MaxNumberOfMessages, 'MaxNumberOfMessages') ?? 1,
        waitSeconds: optionalInt(input.WaitTimeSeconds, 'WaitTimeSeconds') ?? 0,
        visibilitySeconds: optionalInt(input.VisibilityTimeout, 'VisibilityTimeout'),
        attributeNames: names(input),
        signal: gone.signal,
      });
      return Messages.length > 0 ? { Messages } : {};
    },
    DeleteMessage: (input) => {
      sqs.delete(sqs.byUrl(input.QueueUrl), input.ReceiptHandle);
      return {};
    },
    DeleteMessageBatch: (input) => {
      const queue = sqs.byUrl(input.QueueUrl);
      const Successful: { Id: string }[] = [];
      const Failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
      for (const entry of entries(input)) {
        const id = typeof entry.Id === 'string' ? entry.Id : '';
        try {
          sqs.delete(queue, entry.ReceiptHandle);
          Successful.push({ Id: id });
        } catch (error) {
          if (!(error instanceof SqsError)) throw error;
          Failed.push({ Id: id, SenderFault: true, Code: error.type, Message: error.message });
        }
      }
      return { Successful, Failed };
    },
    ChangeMessageVisibility: (input) => {
      sqs.changeVisibility(sqs.byUrl(input.QueueUrl), input.ReceiptHandle, input.VisibilityTimeout);
      return {};
    },
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      if (!request.headers.authorization)
        throw new SqsError(
          403,
          'MissingAuthenticationToken',
          'MissingAuthenticationToken',
          'Request is missing Authentication Token',
        );
      const target = String(request.headers['x-amz-target'] ?? '');
      const action = target.startsWith('AmazonSQS.') ? actions[target.slice('AmazonSQS.'.length)] : undefined;
      if (!action)
        throw new SqsError(
          400,
          'InvalidAction',
          'InvalidAction',
          `The action or operation requested is invalid: ${target || 'no X-Amz-Target'}`,
        );
      if (!String(request.headers['content-type'] ?? '').startsWith(CONTENT_TYPE))
        throw new SqsError(
          400,
          'InvalidParameterValue',
          'InvalidParameterValue',
          `Content-Type must be ${CONTENT_TYPE}`,
        );
      let input: unknown;
      try {
        input = JSON.parse(typeof request.body === 'string' && request.body !== '' ? request.body : '{}');
      } catch {
        throw new SqsError(
          400,
          'SerializationException',
          'SerializationException',
          'The request body is not valid JSON',
        );
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw new SqsError(
          400,
          'SerializationException',
          'SerializationException',
          'The request body must be a JSON object',
        );
      const output = await action(input as Input, request);
      return reply.header('content-type', CONTENT_TYPE).send(JSON.stringify(output));
    } catch (error) {
      if (error instanceof SqsError) return sendError(reply, error);
      throw error;
    }
  };
  app.post('/', handler);
}
