process.stdout.write('techspec\n');
