import type { UsersService } from 'src/modules/users/users.service';

/** A person's row as the users module hands it out (that module owns the table). */
export type Person = NonNullable<Awaited<ReturnType<UsersService['findById']>>>;
