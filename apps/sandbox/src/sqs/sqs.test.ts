import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { Sandbox } from '..';
import { startSandbox } from '../../test/helpers/sandbox';

describe('SQS simulator (AWS JSON 1.0, driven by @aws-sdk/client-sqs)', () => {
  let sandbox: Sandbox;
  let sqs: SQSClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sqs = new SQSClient({
      endpoint: sandbox.sqsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  }, 30_000);
  afterAll(async () => {
    sqs.destroy();
    await sandbox.close();
  });

  async function count(QueueUrl: string) {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return {
      visible: Number(Attributes?.ApproximateNumberOfMessages),
      inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible),
    };
  }

  it('creates a queue, finds its URL and counts its messages', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'counted' }));
    expect(QueueUrl).toBe(`${sandbox.baseUrl}/sqs/000000000000/counted`);
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'counted' }))).QueueUrl).toBe(QueueUrl);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '{"a":1}' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '{"a":2}' }));
    expect(await count(QueueUrl!)).toEqual({ visible: 2, inFlight: 0 });
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    expect(Messages).toHaveLength(1);
    expect(await count(QueueUrl!)).toEqual({ visible: 1, inFlight: 1 });
  });

  it('answers a long poll as soon as a message arrives', async () => {
    const { url } = sandbox.createQueue('long-poll');
    const polling = sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        WaitTimeSeconds: 20,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
      }),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'hello' }));
    const { Messages } = await polling;
    expect(Messages?.map((m) => m.Body)).toEqual(['hello']);
    expect(Messages?.[0].Attributes).toEqual({
      ApproximateReceiveCount: '1',
      SentTimestamp: String(sandbox.clock.now().getTime()),
    });
  });

  it('brings an undeleted message back after its visibility timeout, and delete removes it for good', async () => {
    const { url } = sandbox.createQueue('visibility');
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'retry me' }));
    const receive = () =>
      sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          WaitTimeSeconds: 20,
          VisibilityTimeout: 60,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
    const first = (await receive()).Messages![0];
    expect(first.Attributes?.ApproximateReceiveCount).toBe('1');
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 0 }))).Messages).toBeUndefined();
    // The sandbox clock moving past the visibility timeout brings it back (real time would too).
    sandbox.clock.advance(61_000);
    const second = (await receive()).Messages![0];
    expect(second).toMatchObject({ MessageId: first.MessageId, Attributes: { ApproximateReceiveCount: '2' } });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second.ReceiptHandle }));
    sandbox.clock.advance(61_000);
    expect(await count(url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('returns a message at once when its visibility is changed to 0, and deletes in batches', async () => {
    const { url } = sandbox.createQueue('batch');
    for (const body of ['1', '2', '3']) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(3);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: Messages![2].ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const result = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', ReceiptHandle: Messages![0].ReceiptHandle },
          { Id: 'b', ReceiptHandle: Messages![1].ReceiptHandle },
          { Id: 'bad', ReceiptHandle: 'not-a-handle' },
        ],
      }),
    );
    expect(result.Successful?.map((s) => s.Id)).toEqual(['a', 'b']);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: 'bad', Code: 'ReceiptHandleIsInvalid' })]);
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
    expect(again.Messages?.map((m) => m.Body)).toEqual(['3']);
  });

  it('refuses malformed requests with the errors the SDK knows', async () => {
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue' }))).rejects.toBeInstanceOf(
      QueueDoesNotExist,
    );
    const { url } = sandbox.createQueue('refusals');
    await expect(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 }))).rejects.toMatchObject(
      { name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } },
    );
    await expect(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 21 }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
    await expect(sqs.send(new CreateQueueCommand({ QueueName: 'bad name!' }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });

    const raw = (headers: Record<string, string>, body: string) =>
      fetch(sandbox.sqsEndpoint, { method: 'POST', headers, body }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { __type: string },
      }));
    const json = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.GetQueueUrl' };
    expect(await raw(json, '{"QueueName":"refusals"}')).toMatchObject({
      status: 403,
      body: { __type: 'com.amazonaws.sqs#MissingAuthenticationToken' },
    });
    const signed = { ...json, authorization: 'AWS4-HMAC-SHA256 Credential=x/20261204/us-east-1/sqs/aws4_request' };
    expect(await raw(signed, '{"QueueName":')).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.sqs#SerializationException' },
    });
    expect(await raw({ ...signed, 'x-amz-target': 'AmazonSQS.PurgeEverything' }, '{}')).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.sqs#InvalidAction' },
    });
  });

  it('creates queues and sets notification faults through the control API, naming what is wrong', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${sandbox.controlBaseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string> }));
    expect(await post('/sqs/queues', { name: 'via-control' })).toEqual({
      status: 201,
      body: {
        url: `${sandbox.baseUrl}/sqs/000000000000/via-control`,
        arn: 'arn:aws:sqs:us-east-1:000000000000:via-control',
      },
    });
    expect((await post('/sqs/queues', {})).body.error).toContain('name');
    const { accountId } = sandbox.createAccount('AMAZON');
    expect(await post('/amazon/notifications/faults', { accountId, drop: 0.05, duplicate: 0.05 })).toEqual({
      status: 200,
      body: { drop: 0.05, duplicate: 0.05 },
    });
    expect((await post('/amazon/notifications/faults', { accountId, drop: 2 })).body.error).toBe(
      'drop must be a probability between 0 and 1',
    );
    // The SDK also works against the bare origin, as AWS endpoints are origins.
    const atRoot = new SQSClient({
      endpoint: sandbox.baseUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      expect((await atRoot.send(new GetQueueUrlCommand({ QueueName: 'via-control' }))).QueueUrl).toContain(
        'via-control',
      );
    } finally {
      atRoot.destroy();
    }
  });
});
