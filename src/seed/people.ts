/** Name parts for bylines; varied in origin because the catalogue's writers are. */
export const GIVEN_NAMES: readonly string[] = [
  'Amara', 'Ben', 'Chiara', 'Daniel', 'Elif', 'Farah', 'Gabriel', 'Hana', 'Ines', 'James',
  'Kenji', 'Lena', 'Mateo', 'Nadia', 'Oliver', 'Priya', 'Quentin', 'Rosa', 'Samuel', 'Tomasz',
  'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aisha', 'Bruno', 'Clara', 'Dmitri',
  'Emma', 'Felix', 'Grace', 'Hugo', 'Ingrid', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Noah',
  'Olga', 'Pedro', 'Rania', 'Sofia', 'Theo', 'Valentina', 'William', 'Yara', 'Ana', 'Kwame',
];

export const FAMILY_NAMES: readonly string[] = [
  'Adeyemi', 'Bergström', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad',
  'Ito', 'Jensen', 'Kowalski', 'Lindqvist', 'Mensah', 'Nakamura', 'Okafor', 'Patel', 'Quinn',
  'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Novak',
  'Moreau', 'Costa', 'Sato', 'Hughes', 'Kim', 'Larsen', 'Murphy', 'Nguyen', 'Oliveira',
  'Petrov', 'Reyes', 'Silva', 'Thompson', 'Chen', 'Bakker', 'Ahmed', 'Fernández', 'Wright',
];
