import { defineTopic as topic } from '../define-topic';
import type { IndustryPack } from './industry-pack';

/** Airlines, airports, rail and hotels: the travel words the general taxonomy leaves out on purpose. */
export const TRAVEL_PACK: IndustryPack = {
  name: 'travel',
  title: 'Travel',
  description: 'Airlines, airports, rail and hotels: delays, cancellations, crew, luggage, the trip itself.',
  topics: [
    topic(
      'flight-delays',
      'Flight delays',
      `delayed flight, flight delay, flight delayed, flight late, late flight, late departure, late arrival,
      departure delay, delayed departure, delayed again, missed connection, missed my connection,
      miss my connection, tarmac, sitting on the plane, stuck on the plane, hour delay, hr delay, hours late,
      weather delay, mechanical issue, mechanical issues, maintenance issue, waiting to take off,
      gate change, still at the gate, pushed back my flight, take off, taxiing`,
      { parentKey: 'waiting-time', exclusions: 'delayed bag, delayed baggage, delayed luggage' },
    ),
    topic(
      'flight-cancellation',
      'Flight cancellations',
      `cancel, cancelled, canceled, cancellation, cancellations, cancel flight, flight cancelled, stranded`,
      { exclusions: 'cancel my subscription, cancel my account, cancel my order, cancel my booking' },
    ),
    topic(
      'rebooking',
      'Rebooking & itinerary changes',
      `rebook, rebooked, rebooking, re book, re booked, change flight, change my flight, itinerary, standby,
      seat assignment, seat selection, reissue, new flight, different flight, earlier flight, later flight`,
      { parentKey: 'ordering' },
    ),
    topic(
      'cabin-crew',
      'Flight attendants',
      `flight attendant, flight attendants, fa, fas, stewardess, steward, cabin crew, crew member,
      inflight crew, purser, flight crew, attendant, pilot, captain`,
      { parentKey: 'staff' },
    ),
    topic(
      'airport-staff',
      'Gate & counter agents',
      'gate agent, gate agents, ticket agent, counter agent, check in agent, ground staff, agent at the gate',
      { parentKey: 'staff' },
    ),
    topic(
      'airport-queues',
      'Check-in & security lines',
      `check in line, security line, ticket counter, check in counter, counter, check in, kiosk, checkpoint,
      security, tsa, bag drop, boarding process, line, one agent, understaffed`,
      { parentKey: 'queues', exclusions: 'on line, line up, online' },
    ),
    topic(
      'luggage',
      'Luggage',
      'luggage, baggage, bag, bags, suitcase, checked bag, carry on, baggage claim',
    ),
    topic(
      'lost-luggage',
      'Lost luggage',
      `lost luggage, lost bag, lost my bag, lost baggage, missing bag, missing luggage, bag missing,
      where is my bag, delayed bag, delayed baggage, bag didn't arrive, never got my bag, find my bag,
      bag delivery, without my bag`,
      { parentKey: 'luggage' },
    ),
    topic(
      'damaged-luggage',
      'Damaged luggage',
      `damaged bag, damaged luggage, broken bag, broken suitcase, bag damaged, luggage damaged,
      suitcase damaged, ripped, torn, broken wheel, broken handle, damage, damaged, broke suitcase,
      broke bag, broke luggage, broken luggage, luggage broken, bag broken, suitcase broken, throw bag,
      throwing bag, throwing luggage, thrown luggage, throw luggage, bag handler, baggage handler,
      wet clothes, repair, destroyed bag, destroyed luggage`,
      { parentKey: 'luggage' },
    ),
    topic('bag-fees', 'Baggage fees', 'bag fee, bag fees, baggage fee, baggage fees, checked bag fee', {
      parentKey: 'fees',
    }),
    topic(
      'in-flight',
      'In-flight experience',
      `legroom, leg room, wifi, wi fi, entertainment, tv, movie, plane, aircraft, cabin, onboard, on board,
      inflight, in flight, snack, air conditioning, temperature, hot, cold, dirty, smell, bathroom, lavatory,
      overhead bin, first class, economy, business class, turbulence, outlet, power outlet, uncomfortable,
      drinks, wine, meal, screen, headphones, heat, cramped, bumpy, landing, worst flight, great flight,
      smooth flight`,
      { parentKey: 'product-quality' },
    ),
    topic(
      'seats',
      'Seats',
      'seat, seats, middle seat, window seat, aisle seat, broken seat, seat pitch, exit row, reclining',
      { parentKey: 'in-flight', exclusions: 'seat assignment, seat selection' },
    ),
    topic(
      'hotel-rooms',
      'Rooms',
      'room, rooms, bed, beds, bathroom, shower, housekeeping, room service, view from the room, noisy room',
      { parentKey: 'product-quality' },
    ),
    topic(
      'miles-points',
      'Miles & points',
      'miles, frequent flyer, award ticket, status match, elite status',
      {
        parentKey: 'loyalty-account',
      },
    ),
  ],
};
