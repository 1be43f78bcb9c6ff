import { questionIdOf } from '../../helpers/card-reading';
import { personalMessage, postActivity } from '../../helpers/http-activities';
import { useBot } from '../../helpers/processes';

const bot = useBot();

describe('the real server: Teams retries', () => {
  it('answers a retried answer at the urgent-concerns question without applying it again', async () => {
    const conversation = 'a:http-retry';
    const user = '29:gp-retry';
    await postActivity(bot().url, personalMessage({ text: 'refer' }, user, conversation));
    const message = personalMessage({ text: 'no' }, user, conversation);
    const first = await postActivity(bot().url, message);
    expect(questionIdOf(first.replies[0])).toBe('adult');
    const retry = await postActivity(bot().url, message);
    expect(retry.status).toBe(200);
    expect(retry.replies).toEqual([]);
    const next = await postActivity(
      bot().url,
      personalMessage({ text: 'yes' }, user, conversation),
    );
    expect(questionIdOf(next.replies[0])).toBe('practice');
  });
});
