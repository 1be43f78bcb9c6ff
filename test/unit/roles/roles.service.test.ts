import { ROLE_CARD_TITLES } from '../../../src/cards/roles/role-content';
import { RolesService } from '../../../src/dialogs/roles/roles.service';
import { fixedClock } from '../../../src/domain/clock';
import { buttonsOf, textOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { asReferrer, recordedTurn } from '../../helpers/recorded-turn';

/** The role cards for the example PCN, whose contacts were reviewed on 1 November 2026. */
function setUp(now = '2026-11-23T09:00:00Z') {
  const pcn = examplePcn();
  return { pcn, roles: new RolesService({ pcn, clock: fixedClock(now), contactsReviewMonths: 6 }) };
}

describe('role cards', () => {
  it('offers the menu of every card when no card is named', async () => {
    const { roles } = setUp();
    const turn = recordedTurn(asReferrer());
    await roles.show(turn, undefined);
    const [card] = turn.cards();
    expect(textOf(card)).toContain('Health and Wellbeing Coach role cards');
    expect(buttonsOf(card).map((b) => b.data)).toEqual(
      Object.keys(ROLE_CARD_TITLES).map((key) => ({ verb: 'role.show', card: key })),
    );
  });

  it('shows the card asked for, with the PCN in it', async () => {
    const { roles, pcn } = setUp();
    const turn = recordedTurn(asReferrer());
    await roles.show(turn, 'what');
    const text = textOf(turn.cards()[0]);
    expect(text).toContain(ROLE_CARD_TITLES.what);
    expect(text).toContain(pcn.pcnName);
    expect(text).not.toContain('For practice nurses');
  });

  it('tailors a card to the audience chosen', async () => {
    const { roles } = setUp();
    const turn = recordedTurn(asReferrer());
    await roles.show(turn, 'what', 'nurse');
    expect(textOf(turn.cards()[0])).toContain(
      'For practice nurses: at long-term condition reviews',
    );
  });

  it("introduces the PCN's coaches from the configuration", async () => {
    const { roles, pcn } = setUp();
    const turn = recordedTurn(asReferrer());
    await roles.show(turn, 'coaches');
    const text = textOf(turn.cards()[0]);
    expect(text).toContain(`Meet your coaches at ${pcn.pcnName}`);
    for (const coach of pcn.coaches) {
      expect(text).toContain(coach.displayName);
    }
  });

  it('says when the local details were checked, and warns once that is over the review interval', async () => {
    const fresh = recordedTurn(asReferrer());
    await setUp().roles.show(fresh, 'how');
    expect(textOf(fresh.cards()[0])).toContain('Local details last checked on 1 November 2026.');
    const stale = recordedTurn(asReferrer());
    await setUp('2027-06-01T09:00:00Z').roles.show(stale, 'how');
    expect(textOf(stale.cards()[0])).toContain(
      'Warning: these local details were last checked on 1 November 2026, more than 6 months ago.',
    );
  });
});
