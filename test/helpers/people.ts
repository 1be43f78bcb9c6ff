import type { Activity } from 'botbuilder';

/** People in the example PCN file (config/pcn.example.json), as Teams names them in activities. */
export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export const LEAD: Person = {
  id: '29:lead',
  name: 'Sam Lead',
  aadObjectId: '00000000-0000-0000-0000-0000000000a1',
};
export const COACH: Person = {
  id: '29:coach',
  name: 'Jo Coach',
  aadObjectId: '00000000-0000-0000-0000-0000000000c1',
};
export const SECOND_COACH: Person = {
  id: '29:sam',
  name: 'Sam Okoro',
  aadObjectId: '00000000-0000-0000-0000-0000000000c2',
};
/** Not in the PCN file: practice staff. */
export const GP: Person = {
  id: '29:gp',
  name: 'Dr Gee',
  aadObjectId: 'bbbbbbbb-0000-0000-0000-00000000000b',
};

/** The activity as sent by this person. */
export const as = (from: Person, activity: Partial<Activity>): Partial<Activity> => ({
  ...activity,
  from,
});
