import { randomUUID } from 'node:crypto';

/**
 * A schedule JSON file with `count` sessions on ten stages over three days, the size of a large
 * congress, for load-shaped tests.
 */
export function bigSchedule(count: number, startsOn = '2026-06-10'): unknown {
  const perDay = Math.ceil(count / 3);
  const days = [0, 1, 2].map((d) => {
    const date = new Date(`${startsOn}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + d);
    const iso = date.toISOString().slice(0, 10);
    const rooms: Record<string, unknown[]> = {};
    for (let i = 0; i < perDay && d * perDay + i < count; i++) {
      const n = d * perDay + i;
      const room = `Bühne ${(i % 10) + 1}`;
      const slot = Math.floor(i / 10);
      const minutes = 8 * 60 + slot * 30;
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      (rooms[room] ??= []).push({
        guid: randomUUID(),
        id: n + 1,
        date: `${iso}T${hh}:${mm}:00+02:00`,
        start: `${hh}:${mm}`,
        duration: '00:25',
        room,
        slug: `bench-${n + 1}`,
        title: `Vortrag ${n + 1}: Kommunale Daten und smarte Regionen`,
        subtitle: '',
        track: `Track ${(n % 8) + 1}`,
        type: n % 7 === 0 ? 'workshop' : 'talk',
        language: 'de',
        abstract:
          'Ein Praxisbericht aus hessischen Kommunen über Daten, Netze und Verwaltung, ' +
          'mit Beispielen aus Stadt und Land und Zeit für Fragen.',
        persons: [{ guid: randomUUID(), name: `Referent:in ${n + 1}`, biography: 'Fachleute.' }],
        links: [],
      });
    }
    return {
      index: d + 1,
      date: iso,
      day_start: `${iso}T06:00:00+02:00`,
      day_end: `${iso}T23:59:00+02:00`,
      rooms,
    };
  });
  return {
    schedule: {
      version: '1',
      conference: {
        acronym: 'bench_congress',
        title: 'Großer Kongress',
        start: startsOn,
        end: days[2]?.date,
        daysCount: 3,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Berlin',
        days,
      },
    },
  };
}
