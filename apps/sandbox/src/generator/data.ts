/** Reference data for generated orders: common US names, real city / state / ZIP combinations, plausible products. */
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy',
  'Anthony', 'Betty', 'Mark', 'Sandra', 'Luis', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Kevin', 'Donna',
  'Brian', 'Michelle', 'Jose', 'Carol', 'Tyler', 'Amanda', 'Aaron', 'Melissa', 'Juan', 'Deborah', 'Nguyen', 'Priya',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Patel',
];

export const STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Main', 'Walnut', 'Sunset', 'Highland',
  'Ridge', 'Church', 'Lincoln', 'Jefferson', 'Meadow', 'Forest', 'River', 'Willow', 'Spring', 'Cherry', 'Franklin',
];

export const STREET_SUFFIXES = ['St', 'Ave', 'Rd', 'Dr', 'Ln', 'Blvd', 'Ct', 'Way', 'Pl', 'Ter'];

/** [city, state, five-digit ZIP, area code] */
export const CITIES: readonly [string, string, string, string][] = [
  ['Austin', 'TX', '78704', '512'], ['Dallas', 'TX', '75214', '214'], ['Houston', 'TX', '77008', '713'],
  ['Phoenix', 'AZ', '85016', '602'], ['Tucson', 'AZ', '85719', '520'], ['Denver', 'CO', '80205', '303'],
  ['Seattle', 'WA', '98103', '206'], ['Spokane', 'WA', '99205', '509'], ['Portland', 'OR', '97214', '503'],
  ['Sacramento', 'CA', '95816', '916'], ['San Diego', 'CA', '92104', '619'], ['Fresno', 'CA', '93704', '559'],
  ['Los Angeles', 'CA', '90026', '213'], ['Las Vegas', 'NV', '89104', '702'], ['Salt Lake City', 'UT', '84105', '801'],
  ['Boise', 'ID', '83702', '208'], ['Omaha', 'NE', '68131', '402'], ['Kansas City', 'MO', '64111', '816'],
  ['St. Louis', 'MO', '63116', '314'], ['Chicago', 'IL', '60614', '773'], ['Milwaukee', 'WI', '53212', '414'],
  ['Minneapolis', 'MN', '55408', '612'], ['Detroit', 'MI', '48207', '313'], ['Columbus', 'OH', '43215', '614'],
  ['Cleveland', 'OH', '44113', '216'], ['Indianapolis', 'IN', '46220', '317'], ['Louisville', 'KY', '40204', '502'],
  ['Nashville', 'TN', '37206', '615'], ['Memphis', 'TN', '38104', '901'], ['Atlanta', 'GA', '30307', '404'],
  ['Charlotte', 'NC', '28203', '704'], ['Raleigh', 'NC', '27608', '919'], ['Richmond', 'VA', '23220', '804'],
  ['Baltimore', 'MD', '21218', '410'], ['Philadelphia', 'PA', '19125', '215'], ['Pittsburgh', 'PA', '15213', '412'],
  ['Newark', 'NJ', '07102', '973'], ['Brooklyn', 'NY', '11215', '718'], ['Buffalo', 'NY', '14222', '716'],
  ['Boston', 'MA', '02130', '617'], ['Providence', 'RI', '02906', '401'], ['Hartford', 'CT', '06105', '860'],
  ['Miami', 'FL', '33133', '305'], ['Orlando', 'FL', '32803', '407'], ['Tampa', 'FL', '33606', '813'],
  ['New Orleans', 'LA', '70115', '504'], ['Birmingham', 'AL', '35205', '205'], ['Oklahoma City', 'OK', '73106', '405'],
  ['Albuquerque', 'NM', '87106', '505'], ['Anchorage', 'AK', '99503', '907'], ['Honolulu', 'HI', '96822', '808'],
];

export interface Product {
  title: string;
  sku: string;
  asin: string;
  price: number;
  weightLb: number;
}

const PRODUCT_LINES: readonly [string, string, number, number][] = [
  ['Stainless Steel Insulated Water Bottle, 32 oz', 'KTC-WB32', 24.99, 1.1],
  ['Cotton Crew Socks, 6 Pack, Black, Men 10-13', 'APP-SK6B', 14.5, 0.6],
  ['LED Desk Lamp with USB Charging Port, Dimmable', 'HOM-DL12', 32.99, 2.4],
  ['Silicone Baking Mat Set of 3, Non-Stick', 'KTC-BM03', 17.95, 0.9],
  ['Wireless Earbuds with Charging Case, Bluetooth 5.3', 'ELC-EB53', 39.99, 0.4],
  ['Yoga Mat 6mm, Non-Slip, Purple', 'SPT-YM6P', 27.0, 3.1],
  ['Cast Iron Skillet, 12 inch, Pre-Seasoned', 'KTC-CI12', 34.49, 7.8],
  ['Kids Backpack with Lunch Box, Dinosaur Print', 'KID-BPDN', 29.99, 1.7],
  ['Memory Foam Pillow, Queen, Cooling Gel', 'BED-MFPQ', 44.95, 3.5],
  ['Phone Charging Cable USB-C to USB-C, 6 ft, 2 Pack', 'ELC-CC62', 11.99, 0.3],
  ['Garden Hose Nozzle, 8 Spray Patterns, Metal', 'GDN-HN08', 15.99, 0.8],
  ['Ceramic Coffee Mug Set of 4, 14 oz, Matte White', 'KTC-MG44', 26.5, 4.2],
  ['Resistance Bands Set, 5 Levels, with Handles', 'SPT-RB05', 21.99, 1.2],
  ['Scented Soy Candle, Lavender, 8 oz', 'HOM-CL08', 12.99, 0.9],
  ['Dog Chew Toy, Durable Rubber, Large', 'PET-CTLG', 13.49, 0.7],
  ['Electric Kettle 1.7L, Stainless Steel, Auto Shut-Off', 'KTC-EK17', 36.99, 3.3],
  ['Bath Towel Set, 6 Piece, 100% Cotton, Gray', 'BTH-TS6G', 38.0, 5.6],
  ['Car Phone Mount, Dashboard and Windshield', 'AUT-PM01', 18.99, 0.5],
  ['Acrylic Paint Set, 24 Colors, 2 oz Bottles', 'ART-AP24', 22.95, 3.4],
  ['Portable Bluetooth Speaker, Waterproof', 'ELC-BS20', 45.99, 1.3],
];

export const PRODUCTS: readonly Product[] = PRODUCT_LINES.flatMap(([title, sku, price, weightLb], i) =>
  ['', '-V2'].map((variant, v) => ({
    title: v === 0 ? title : `${title} (2-Pack)`,
    sku: `${sku}${variant}`,
    asin: `B0${(0x1a2b3c4d + i * 7919 + v * 104729).toString(36).toUpperCase().padStart(8, '0').slice(-8)}`,
    price: v === 0 ? price : Math.round(price * 1.8 * 100) / 100,
    weightLb: v === 0 ? weightLb : Math.round(weightLb * 2 * 10) / 10,
  })),
);
